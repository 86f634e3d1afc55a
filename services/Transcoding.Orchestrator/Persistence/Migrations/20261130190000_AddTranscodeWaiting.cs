using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Transcoding.Orchestrator.Persistence.Migrations
{
    /// <summary>
    /// Issue 13: an attempt waiting on a RunPod configuration fault (TranscodeWaiting) is shown with its reason and since
    /// when. Written by hand (no dotnet-ef here) as dotnet ef would write it; the model snapshot was updated to match.
    /// </summary>
    public partial class AddTranscodeWaiting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WaitingReason",
                table: "transcode_state",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WaitingSince",
                table: "transcode_state",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WaitingReason",
                table: "transcode_state");

            migrationBuilder.DropColumn(
                name: "WaitingSince",
                table: "transcode_state");
        }
    }
}
