using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Heliodesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Workforce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StaffingAlert",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    Skill = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OpenKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Minimum = table.Column<int>(type: "INTEGER", nullable: false),
                    Online = table.Column<int>(type: "INTEGER", nullable: false),
                    LowestOnline = table.Column<int>(type: "INTEGER", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClearedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffingAlert", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffingMinimum",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    Skill = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Agents = table.Column<int>(type: "INTEGER", nullable: false),
                    When = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HoursOfWeek = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffingMinimum", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StaffingAlert_WorkspaceId_OpenKey",
                table: "StaffingAlert",
                columns: new[] { "WorkspaceId", "OpenKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffingAlert_WorkspaceId_RaisedAt",
                table: "StaffingAlert",
                columns: new[] { "WorkspaceId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffingMinimum_WorkspaceId_Region",
                table: "StaffingMinimum",
                columns: new[] { "WorkspaceId", "Region" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StaffingAlert");

            migrationBuilder.DropTable(
                name: "StaffingMinimum");
        }
    }
}
