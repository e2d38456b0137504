using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Heliodesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Routing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgentCapacity",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MaxConcurrentChats = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxOpenTickets = table.Column<int>(type: "INTEGER", nullable: true),
                    LastAssignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StatusChangedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentCapacity", x => new { x.WorkspaceId, x.AgentId });
                    table.ForeignKey(
                        name: "FK_AgentCapacity_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgentShift",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentShift", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgentShift_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EngineeringLink",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LinkedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngineeringLink", x => new { x.WorkspaceId, x.TicketId });
                    table.ForeignKey(
                        name: "FK_EngineeringLink_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Region",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Region", x => new { x.WorkspaceId, x.Name });
                });

            migrationBuilder.CreateTable(
                name: "RegionHoliday",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionHoliday", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RouterLease",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RouterLease", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "RoutingQueue",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Skills = table.Column<string>(type: "TEXT", nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Strategy = table.Column<int>(type: "INTEGER", nullable: false),
                    OverflowAfterSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    LastAssignedAgentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoutingQueue", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoutingQueue_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ScheduleException",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    First = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Last = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduleException", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScheduleException_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoutingRule",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    QueueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    MinPriority = table.Column<int>(type: "INTEGER", nullable: true),
                    MinTier = table.Column<int>(type: "INTEGER", nullable: true),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Plan = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoutingRule", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoutingRule_RoutingQueue_QueueId",
                        column: x => x.QueueId,
                        principalTable: "RoutingQueue",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TicketRouting",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    QueueId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EnqueuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OverflowStep = table.Column<int>(type: "INTEGER", nullable: false),
                    NextOverflowAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NeedsLanguage = table.Column<bool>(type: "INTEGER", nullable: false),
                    AssignedAgentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketRouting", x => new { x.WorkspaceId, x.TicketId });
                    table.ForeignKey(
                        name: "FK_TicketRouting_RoutingQueue_QueueId",
                        column: x => x.QueueId,
                        principalTable: "RoutingQueue",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_TicketRouting_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgentCapacity_AgentId",
                table: "AgentCapacity",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_AgentShift_AgentId",
                table: "AgentShift",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_AgentShift_WorkspaceId_AgentId",
                table: "AgentShift",
                columns: new[] { "WorkspaceId", "AgentId" });

            migrationBuilder.CreateIndex(
                name: "IX_EngineeringLink_TicketId",
                table: "EngineeringLink",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_RegionHoliday_WorkspaceId_Region_Date",
                table: "RegionHoliday",
                columns: new[] { "WorkspaceId", "Region", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoutingQueue_TeamId",
                table: "RoutingQueue",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_RoutingQueue_WorkspaceId_Name",
                table: "RoutingQueue",
                columns: new[] { "WorkspaceId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoutingRule_QueueId",
                table: "RoutingRule",
                column: "QueueId");

            migrationBuilder.CreateIndex(
                name: "IX_RoutingRule_WorkspaceId_Position",
                table: "RoutingRule",
                columns: new[] { "WorkspaceId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduleException_AgentId",
                table: "ScheduleException",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduleException_WorkspaceId_AgentId_Last",
                table: "ScheduleException",
                columns: new[] { "WorkspaceId", "AgentId", "Last" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketRouting_QueueId",
                table: "TicketRouting",
                column: "QueueId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketRouting_TicketId",
                table: "TicketRouting",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketRouting_WorkspaceId_State_EnqueuedAt",
                table: "TicketRouting",
                columns: new[] { "WorkspaceId", "State", "EnqueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketRouting_WorkspaceId_State_NextOverflowAt",
                table: "TicketRouting",
                columns: new[] { "WorkspaceId", "State", "NextOverflowAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgentCapacity");

            migrationBuilder.DropTable(
                name: "AgentShift");

            migrationBuilder.DropTable(
                name: "EngineeringLink");

            migrationBuilder.DropTable(
                name: "Region");

            migrationBuilder.DropTable(
                name: "RegionHoliday");

            migrationBuilder.DropTable(
                name: "RouterLease");

            migrationBuilder.DropTable(
                name: "RoutingRule");

            migrationBuilder.DropTable(
                name: "ScheduleException");

            migrationBuilder.DropTable(
                name: "TicketRouting");

            migrationBuilder.DropTable(
                name: "RoutingQueue");
        }
    }
}
