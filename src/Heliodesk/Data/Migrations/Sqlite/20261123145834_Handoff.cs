using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Heliodesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Handoff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HandoffDigest",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", maxLength: 262144, nullable: false),
                    Posted = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandoffDigest", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HandoffPlan",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tried = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NextStep = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NoteUpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NoteUpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Sticky = table.Column<int>(type: "INTEGER", nullable: true),
                    StickyAgentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StickySince = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandoffPlan", x => new { x.WorkspaceId, x.TicketId });
                    table.ForeignKey(
                        name: "FK_HandoffPlan_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegionDigestHook",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProtectedUrl = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: false),
                    UrlHint = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionDigestHook", x => new { x.WorkspaceId, x.Region });
                });

            migrationBuilder.CreateTable(
                name: "ShiftHandoff",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShiftEnd = table.Column<long>(type: "INTEGER", nullable: false),
                    FromRegion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ToRegion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RanAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShiftHandoff", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TankMark",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QueueId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Since = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TankMark", x => new { x.WorkspaceId, x.TicketId });
                    table.ForeignKey(
                        name: "FK_TankMark_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TankQueueSetting",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QueueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MaxTouches = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TankQueueSetting", x => new { x.WorkspaceId, x.QueueId });
                    table.ForeignKey(
                        name: "FK_TankQueueSetting_RoutingQueue_QueueId",
                        column: x => x.QueueId,
                        principalTable: "RoutingQueue",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TankRotation",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FirstWeek = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AgentIds = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TankRotation", x => x.WorkspaceId);
                });

            migrationBuilder.CreateTable(
                name: "TicketHandoff",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShiftHandoffId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromAgentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromRegion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ToRegion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    KeptBecause = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    WasDeferred = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    RetryUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    SettledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CustomerMessage = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Tried = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NextStep = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketHandoff", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketHandoff_ShiftHandoff_ShiftHandoffId",
                        column: x => x.ShiftHandoffId,
                        principalTable: "ShiftHandoff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TicketHandoff_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HandoffDigest_WorkspaceId_Region_At",
                table: "HandoffDigest",
                columns: new[] { "WorkspaceId", "Region", "At" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HandoffPlan_TicketId",
                table: "HandoffPlan",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_ShiftHandoff_WorkspaceId_AgentId_ShiftEnd",
                table: "ShiftHandoff",
                columns: new[] { "WorkspaceId", "AgentId", "ShiftEnd" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TankMark_TicketId",
                table: "TankMark",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_TankQueueSetting_QueueId",
                table: "TankQueueSetting",
                column: "QueueId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketHandoff_ShiftHandoffId",
                table: "TicketHandoff",
                column: "ShiftHandoffId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketHandoff_TicketId",
                table: "TicketHandoff",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketHandoff_WorkspaceId_Outcome",
                table: "TicketHandoff",
                columns: new[] { "WorkspaceId", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketHandoff_WorkspaceId_ShiftHandoffId_TicketId",
                table: "TicketHandoff",
                columns: new[] { "WorkspaceId", "ShiftHandoffId", "TicketId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TicketHandoff_WorkspaceId_TicketId_At",
                table: "TicketHandoff",
                columns: new[] { "WorkspaceId", "TicketId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HandoffDigest");

            migrationBuilder.DropTable(
                name: "HandoffPlan");

            migrationBuilder.DropTable(
                name: "RegionDigestHook");

            migrationBuilder.DropTable(
                name: "TankMark");

            migrationBuilder.DropTable(
                name: "TankQueueSetting");

            migrationBuilder.DropTable(
                name: "TankRotation");

            migrationBuilder.DropTable(
                name: "TicketHandoff");

            migrationBuilder.DropTable(
                name: "ShiftHandoff");
        }
    }
}
