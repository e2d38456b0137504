using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Heliodesk.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    Skill = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OpenKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Minimum = table.Column<int>(type: "integer", nullable: false),
                    Online = table.Column<int>(type: "integer", nullable: false),
                    LowestOnline = table.Column<int>(type: "integer", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClearedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffingAlert", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffingMinimum",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    Skill = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Agents = table.Column<int>(type: "integer", nullable: false),
                    When = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HoursOfWeek = table.Column<List<int>>(type: "integer[]", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
