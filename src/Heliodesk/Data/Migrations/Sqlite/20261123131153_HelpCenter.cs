using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Heliodesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HelpCenter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomerLink",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerLink", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HelpCenterSite",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpCenterSite", x => x.WorkspaceId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerLink_WorkspaceId_ContactId_CreatedAt",
                table: "CustomerLink",
                columns: new[] { "WorkspaceId", "ContactId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerLink_WorkspaceId_TokenHash",
                table: "CustomerLink",
                columns: new[] { "WorkspaceId", "TokenHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HelpCenterSite_Slug",
                table: "HelpCenterSite",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerLink");

            migrationBuilder.DropTable(
                name: "HelpCenterSite");
        }
    }
}
