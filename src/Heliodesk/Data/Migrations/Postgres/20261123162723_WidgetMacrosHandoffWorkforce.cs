using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Heliodesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WidgetMacrosHandoffWorkforce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "Tickets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "SmtpPasswordProtected",
                table: "Mailboxes",
                type: "character varying(12000)",
                maxLength: 12000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ImapPasswordProtected",
                table: "Mailboxes",
                type: "character varying(12000)",
                maxLength: 12000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000,
                oldNullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ImapAuth",
                table: "Mailboxes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SmtpAuth",
                table: "Mailboxes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "HandoffDigest",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Text = table.Column<string>(type: "character varying(65536)", maxLength: 65536, nullable: false),
                    Payload = table.Column<string>(type: "character varying(262144)", maxLength: 262144, nullable: false),
                    Posted = table.Column<bool>(type: "boolean", nullable: false),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandoffDigest", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HandoffPlan",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tried = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NextStep = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NoteUpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NoteUpdatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Sticky = table.Column<int>(type: "integer", nullable: true),
                    StickyAgentId = table.Column<Guid>(type: "uuid", nullable: true),
                    StickySince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                name: "InboundChannels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProtectedSecret = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    ReplyUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboundChannels", x => x.Id);
                });

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
                name: "RegionDigestHook",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProtectedUrl = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: false),
                    UrlHint = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionDigestHook", x => new { x.WorkspaceId, x.Region });
                });

            migrationBuilder.CreateTable(
                name: "ShiftHandoff",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ShiftEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FromRegion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ToRegion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RanAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShiftHandoff", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "TankMark",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    QueueId = table.Column<Guid>(type: "uuid", nullable: true),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    QueueId = table.Column<Guid>(type: "uuid", nullable: false),
                    MaxTouches = table.Column<int>(type: "integer", nullable: false)
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
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FirstWeek = table.Column<DateOnly>(type: "date", nullable: false),
                    AgentIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TankRotation", x => x.WorkspaceId);
                });

            migrationBuilder.CreateTable(
                name: "WidgetChat",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Verified = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VisitorReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AgentReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WidgetChat", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WidgetChat_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WidgetSettings",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtectedSecret = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    SecretCreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AllowedOrigins = table.Column<List<string>>(type: "text[]", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WidgetSettings", x => x.WorkspaceId);
                });

            migrationBuilder.CreateTable(
                name: "InboundConversations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboundConversations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InboundConversations_InboundChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "InboundChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InboundWebhookMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpenedTicket = table.Column<bool>(type: "boolean", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboundWebhookMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InboundWebhookMessages_InboundChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "InboundChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InboundWebhookReplies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastStatusCode = table.Column<int>(type: "integer", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1200)", maxLength: 1200, nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboundWebhookReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InboundWebhookReplies_InboundChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "InboundChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateTable(
                name: "TicketHandoff",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ShiftHandoffId = table.Column<Guid>(type: "uuid", nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromAgentId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromRegion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ToRegion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    KeptBecause = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    WasDeferred = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RetryUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SettledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CustomerMessage = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Tried = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NextStep = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
                name: "IX_InboundChannels_WorkspaceId_Name",
                table: "InboundChannels",
                columns: new[] { "WorkspaceId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_InboundConversations_ChannelId",
                table: "InboundConversations",
                column: "ChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_InboundConversations_WorkspaceId_ChannelId_ExternalId",
                table: "InboundConversations",
                columns: new[] { "WorkspaceId", "ChannelId", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboundConversations_WorkspaceId_TicketId",
                table: "InboundConversations",
                columns: new[] { "WorkspaceId", "TicketId" });

            migrationBuilder.CreateIndex(
                name: "IX_InboundWebhookMessages_ChannelId",
                table: "InboundWebhookMessages",
                column: "ChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_InboundWebhookMessages_WorkspaceId_ChannelId_ExternalId",
                table: "InboundWebhookMessages",
                columns: new[] { "WorkspaceId", "ChannelId", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboundWebhookReplies_ChannelId",
                table: "InboundWebhookReplies",
                column: "ChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_InboundWebhookReplies_WorkspaceId_TicketId_CreatedAt",
                table: "InboundWebhookReplies",
                columns: new[] { "WorkspaceId", "TicketId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MacroBodies_MacroId",
                table: "MacroBodies",
                column: "MacroId");

            migrationBuilder.CreateIndex(
                name: "IX_Macros_WorkspaceId_OwnerAgentId_Name",
                table: "Macros",
                columns: new[] { "WorkspaceId", "OwnerAgentId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_ShiftHandoff_WorkspaceId_AgentId_ShiftEnd",
                table: "ShiftHandoff",
                columns: new[] { "WorkspaceId", "AgentId", "ShiftEnd" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_WidgetChat_TicketId",
                table: "WidgetChat",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_WidgetChat_WorkspaceId_TicketId",
                table: "WidgetChat",
                columns: new[] { "WorkspaceId", "TicketId" });

            migrationBuilder.CreateIndex(
                name: "IX_WidgetChat_WorkspaceId_TokenHash",
                table: "WidgetChat",
                columns: new[] { "WorkspaceId", "TokenHash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HandoffDigest");

            migrationBuilder.DropTable(
                name: "HandoffPlan");

            migrationBuilder.DropTable(
                name: "InboundConversations");

            migrationBuilder.DropTable(
                name: "InboundWebhookMessages");

            migrationBuilder.DropTable(
                name: "InboundWebhookReplies");

            migrationBuilder.DropTable(
                name: "MacroBodies");

            migrationBuilder.DropTable(
                name: "RegionDigestHook");

            migrationBuilder.DropTable(
                name: "StaffingAlert");

            migrationBuilder.DropTable(
                name: "StaffingMinimum");

            migrationBuilder.DropTable(
                name: "TankMark");

            migrationBuilder.DropTable(
                name: "TankQueueSetting");

            migrationBuilder.DropTable(
                name: "TankRotation");

            migrationBuilder.DropTable(
                name: "TicketHandoff");

            migrationBuilder.DropTable(
                name: "WidgetChat");

            migrationBuilder.DropTable(
                name: "WidgetSettings");

            migrationBuilder.DropTable(
                name: "InboundChannels");

            migrationBuilder.DropTable(
                name: "Macros");

            migrationBuilder.DropTable(
                name: "ShiftHandoff");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ImapAuth",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "SmtpAuth",
                table: "Mailboxes");

            migrationBuilder.AlterColumn<string>(
                name: "SmtpPasswordProtected",
                table: "Mailboxes",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(12000)",
                oldMaxLength: 12000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ImapPasswordProtected",
                table: "Mailboxes",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(12000)",
                oldMaxLength: 12000,
                oldNullable: true);
        }
    }
}
