using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Heliodesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Phone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Callbacks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    WindowStart = table.Column<long>(type: "INTEGER", nullable: false),
                    WindowEnd = table.Column<long>(type: "INTEGER", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: true),
                    RequestedVia = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastOutcome = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Callbacks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PhoneCall",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Direction = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DurationSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordingUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: true),
                    LoggedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoggedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LoggedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CallbackId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhoneCall", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Callbacks_WorkspaceId_Status_WindowStart_Id",
                table: "Callbacks",
                columns: new[] { "WorkspaceId", "Status", "WindowStart", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Callbacks_WorkspaceId_TicketId",
                table: "Callbacks",
                columns: new[] { "WorkspaceId", "TicketId" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneCall_WorkspaceId_TicketId_StartedAt",
                table: "PhoneCall",
                columns: new[] { "WorkspaceId", "TicketId", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Callbacks");

            migrationBuilder.DropTable(
                name: "PhoneCall");
        }
    }
}
