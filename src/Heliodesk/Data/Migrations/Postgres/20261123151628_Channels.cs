using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Heliodesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Channels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
