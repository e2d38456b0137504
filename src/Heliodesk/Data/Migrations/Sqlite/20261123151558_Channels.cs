using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Heliodesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Channels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ImapAuth",
                table: "Mailboxes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SmtpAuth",
                table: "Mailboxes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "InboundChannels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProtectedSecret = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    ReplyUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboundChannels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboundConversations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpenedTicket = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastStatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1200, nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InboundConversations");

            migrationBuilder.DropTable(
                name: "InboundWebhookMessages");

            migrationBuilder.DropTable(
                name: "InboundWebhookReplies");

            migrationBuilder.DropTable(
                name: "InboundChannels");

            migrationBuilder.DropColumn(
                name: "ImapAuth",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "SmtpAuth",
                table: "Mailboxes");
        }
    }
}
