using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Transcoding.Orchestrator.Persistence.Migrations
{
    /// <summary>
    /// Issue 13, GPU seconds: <c>transcode_state."Attempts"</c>, one JSON record per attempt (job id, outcome, encoder,
    /// RunPod's delayTime and executionTime, estimated cost). Rows saved before it get an empty list; the saga creates
    /// an attempt's record when it first needs it. Written by hand (no dotnet-ef here), like the model snapshot.
    /// </summary>
    public partial class AttemptUsageRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Attempts",
                table: "transcode_state",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "transcode_state");
        }
    }
}
