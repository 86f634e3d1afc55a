using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Transcoding.Gateway.Deduplication.Migrations
{
    /// <summary>
    /// Issue 14: the dedup table by migration instead of at start-up. Written by hand (no dotnet-ef here); the model
    /// snapshot was updated to match.
    /// </summary>
    /// <remarks>
    /// <c>IF NOT EXISTS</c> rather than <c>CreateTable</c>: databases from before this migration already hold the table
    /// (the gateway created it at start-up), with records that must keep deduplicating, and no migrations history; the
    /// migration adopts that table instead of failing with 42P07.
    /// </remarks>
    public partial class CreateWebhookDeliveries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS gateway_webhook_deliveries (
                    key        text        NOT NULL,
                    processed  boolean     NOT NULL,
                    expires_at timestamptz NOT NULL,
                    CONSTRAINT gateway_webhook_deliveries_pkey PRIMARY KEY (key));
                CREATE INDEX IF NOT EXISTS gateway_webhook_deliveries_expires_at ON gateway_webhook_deliveries (expires_at);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "gateway_webhook_deliveries");
        }
    }
}
