using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Transcoding.Orchestrator.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "scheduled_messages",
                columns: table => new
                {
                    token_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    destination = table.Column<string>(type: "text", nullable: false),
                    payload_types = table.Column<string[]>(type: "text[]", nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: true),
                    correlation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    initiator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_address = table.Column<string>(type: "text", nullable: true),
                    response_address = table.Column<string>(type: "text", nullable: true),
                    fault_address = table.Column<string>(type: "text", nullable: true),
                    expiration_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    headers = table.Column<string>(type: "jsonb", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduled_messages", x => x.token_id);
                });

            migrationBuilder.CreateTable(
                name: "transcode_state",
                columns: table => new
                {
                    CorrelationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CurrentState = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempt = table.Column<int>(type: "integer", nullable: false),
                    MaxAttempts = table.Column<int>(type: "integer", nullable: false),
                    JobId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Progress = table.Column<double>(type: "double precision", nullable: false),
                    FailureCode = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    FailureMessage = table.Column<string>(type: "text", nullable: true),
                    FailurePermanent = table.Column<bool>(type: "boolean", nullable: false),
                    Outputs = table.Column<string>(type: "jsonb", nullable: true),
                    History = table.Column<string>(type: "jsonb", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeadlineTokenId = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transcode_state", x => x.CorrelationId);
                });

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_messages_due_time",
                table: "scheduled_messages",
                column: "due_time");

            migrationBuilder.CreateIndex(
                name: "IX_transcode_state_CurrentState",
                table: "transcode_state",
                column: "CurrentState");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scheduled_messages");

            migrationBuilder.DropTable(
                name: "transcode_state");
        }
    }
}
