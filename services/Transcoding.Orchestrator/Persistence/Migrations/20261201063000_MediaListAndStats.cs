using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Transcoding.Orchestrator.Persistence.Migrations
{
    /// <summary>
    /// Issue 17, the list and stats of the status API: <c>CreatedAt</c> (the list's immutable order key),
    /// <c>DeadlineAt</c> (stuck items) and <c>LastMeasuredAt</c> (GPU seconds in a window), and an index for every list
    /// filter and stats query; the composite state index replaces the one on <c>CurrentState</c> alone. Existing rows:
    /// created when their first transition says (else their upload time); a transcoding row's deadline is when its
    /// scheduled deadline message is due (a poll's time once the deadline passed, so it can read as stuck up to one poll
    /// interval late), its last update when no message is scheduled (nothing will wake it: stuck now); the latest
    /// measurement of its attempts. <c>CreatedAt</c> defaults to the insert time for rows a previous release inserts
    /// during a rolling deploy. Written by hand (no dotnet-ef here), like the model snapshot.
    /// </summary>
    public partial class MediaListAndStats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE transcode_state
                    ADD "CreatedAt" timestamp with time zone NOT NULL DEFAULT now(),
                    ADD "DeadlineAt" timestamp with time zone NULL,
                    ADD "LastMeasuredAt" timestamp with time zone NULL
                """);
            migrationBuilder.Sql("""
                UPDATE transcode_state s SET
                    "CreatedAt" = COALESCE((s."History" -> 0 ->> 'at')::timestamptz, s."UploadedAt"),
                    "DeadlineAt" = CASE WHEN s."CurrentState" = 'Transcoding' THEN COALESCE(
                        (SELECT m.due_time FROM scheduled_messages m WHERE m.token_id = s."DeadlineTokenId"), s."UpdatedAt") END,
                    "LastMeasuredAt" = (SELECT max((a ->> 'measuredAt')::timestamptz) FROM jsonb_array_elements(s."Attempts") a)
                """);
            migrationBuilder.DropIndex(name: "IX_transcode_state_CurrentState", table: "transcode_state");
            migrationBuilder.CreateIndex(name: "ix_transcode_state_created", table: "transcode_state", columns: ["CreatedAt", "CorrelationId"]);
            migrationBuilder.CreateIndex(name: "ix_transcode_state_state_created", table: "transcode_state", columns: ["CurrentState", "CreatedAt", "CorrelationId"]);
            migrationBuilder.CreateIndex(name: "ix_transcode_state_state_code_created", table: "transcode_state",
                columns: ["CurrentState", "FailureCode", "CreatedAt", "CorrelationId"]);
            migrationBuilder.CreateIndex(name: "ix_transcode_state_state_updated", table: "transcode_state", columns: ["CurrentState", "UpdatedAt"]);
            migrationBuilder.CreateIndex(name: "ix_transcode_state_updated", table: "transcode_state", column: "UpdatedAt");
            migrationBuilder.CreateIndex(name: "ix_transcode_state_state_deadline", table: "transcode_state", columns: ["CurrentState", "DeadlineAt"]);
            migrationBuilder.CreateIndex(name: "ix_transcode_state_last_measured", table: "transcode_state", column: "LastMeasuredAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var index in new[]
            {
                "ix_transcode_state_created", "ix_transcode_state_state_created", "ix_transcode_state_state_code_created",
                "ix_transcode_state_state_updated", "ix_transcode_state_updated", "ix_transcode_state_state_deadline",
                "ix_transcode_state_last_measured",
            })
            {
                migrationBuilder.DropIndex(name: index, table: "transcode_state");
            }

            migrationBuilder.CreateIndex(name: "IX_transcode_state_CurrentState", table: "transcode_state", column: "CurrentState");
            migrationBuilder.DropColumn(name: "CreatedAt", table: "transcode_state");
            migrationBuilder.DropColumn(name: "DeadlineAt", table: "transcode_state");
            migrationBuilder.DropColumn(name: "LastMeasuredAt", table: "transcode_state");
        }
    }
}
