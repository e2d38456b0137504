using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Heliodesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Macros : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "Tickets",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Macros",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OwnerAgentId = table.Column<Guid>(type: "uuid", nullable: true),
                    SetStatus = table.Column<int>(type: "integer", nullable: true),
                    SetPriority = table.Column<int>(type: "integer", nullable: true),
                    AddTags = table.Column<List<string>>(type: "text[]", nullable: false),
                    RemoveTags = table.Column<List<string>>(type: "text[]", nullable: false),
                    SetTeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    SetAssigneeId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignToMe = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Macros", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MacroBodies",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    MacroId = table.Column<Guid>(type: "uuid", nullable: false),
                    Language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    Text = table.Column<string>(type: "character varying(65536)", maxLength: 65536, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MacroBodies", x => new { x.WorkspaceId, x.MacroId, x.Language });
                    table.ForeignKey(
                        name: "FK_MacroBodies_Macros_MacroId",
                        column: x => x.MacroId,
                        principalTable: "Macros",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MacroBodies_MacroId",
                table: "MacroBodies",
                column: "MacroId");

            migrationBuilder.CreateIndex(
                name: "IX_Macros_WorkspaceId_OwnerAgentId_Name",
                table: "Macros",
                columns: new[] { "WorkspaceId", "OwnerAgentId", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MacroBodies");

            migrationBuilder.DropTable(
                name: "Macros");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Tickets");
        }
    }
}
