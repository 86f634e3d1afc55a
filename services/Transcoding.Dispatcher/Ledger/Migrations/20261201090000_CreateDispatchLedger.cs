using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Transcoding.Dispatcher.Ledger.Migrations
{
    /// <summary>
    /// Issue 14: the ledger's table by migration instead of at start-up. Written by hand (no dotnet-ef here); the model
    /// snapshot was updated to match.
    /// </summary>
    /// <remarks>
    /// <c>IF NOT EXISTS</c> rather than <c>CreateTable</c>: databases from before this migration already hold the table
    /// (the dispatcher created it at start-up), with rows that must keep working, and no migrations history; the
    /// migration adopts that table instead of failing with 42P07. Tables made before cancellations were recorded lack
    /// <c>cancelled_at</c>. The index (new) serves the retention purge.
    /// </remarks>
    public partial class CreateDispatchLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS dispatch_ledger (
                    media_id      uuid        NOT NULL,
                    attempt       integer     NOT NULL,
                    job_id        text        NULL,
                    claimed_at    timestamptz NOT NULL,
                    dispatched_at timestamptz NULL,
                    cancelled_at  timestamptz NULL,
                    CONSTRAINT dispatch_ledger_pkey PRIMARY KEY (media_id, attempt));
                ALTER TABLE dispatch_ledger ADD COLUMN IF NOT EXISTS cancelled_at timestamptz NULL;
                CREATE INDEX IF NOT EXISTS dispatch_ledger_claimed_at ON dispatch_ledger (claimed_at);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "dispatch_ledger");
        }
    }
}
