using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Heliodesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UiBench : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tickets_WorkspaceId_Priority_Number",
                table: "Tickets",
                columns: new[] { "WorkspaceId", "Priority", "Number" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_WorkspaceId_Status_SolvedAt",
                table: "Tickets",
                columns: new[] { "WorkspaceId", "Status", "SolvedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_WorkspaceId_Priority_Number",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_WorkspaceId_Status_SolvedAt",
                table: "Tickets");
        }
    }
}
