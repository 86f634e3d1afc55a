using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Transcoding.Orchestrator.Persistence.Migrations
{
    /// <summary>
    /// Issue 14, each definition once: <c>transcode_state."ContentType"</c> was copied from <c>MediaUploaded</c> into
    /// every <c>DispatchTranscode</c> and read by nothing (the worker probes the source itself), so the model no longer
    /// maps it. The column stays, nullable, for one release: orchestrators of the previous release still write it
    /// during a rolling deploy (two instances share the saga store), and would fail on a dropped column. A later
    /// migration drops it. Written by hand (no dotnet-ef here), like the model snapshot.
    /// </summary>
    public partial class RetireSagaContentType : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE transcode_state ALTER COLUMN "ContentType" DROP NOT NULL""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE transcode_state SET "ContentType" = '' WHERE "ContentType" IS NULL""");
            migrationBuilder.Sql("""ALTER TABLE transcode_state ALTER COLUMN "ContentType" SET NOT NULL""");
        }
    }
}
