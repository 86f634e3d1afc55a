using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Transcoding.Orchestrator.Persistence.Migrations
{
    /// <summary>
    /// Issue 14, each definition once: <c>transcode_state."ContentType"</c> was copied from <c>MediaUploaded</c> into
    /// every <c>DispatchTranscode</c> and read by nothing (the worker probes the source itself). Down restores the
    /// column empty: the values are gone. Written by hand (no dotnet-ef here), like the model snapshot.
    /// </summary>
    public partial class DropSagaContentType : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContentType",
                table: "transcode_state");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContentType",
                table: "transcode_state",
                type: "character varying(255)",
                maxLength: 255,
                nullable: false,
                defaultValue: "");
        }
    }
}
