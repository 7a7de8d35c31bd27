using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RealTimeAuth.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class TransmitterScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_subject_status",
                table: "subject_status");

            migrationBuilder.AddColumn<string>(
                name: "set_by",
                table: "subject_status",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string[]>(
                name: "allowed_claims",
                table: "ssf_streams",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            // A block made before blocks had owners takes its setter from the SET that made it, when exactly one received
            // SET has its jti and event type; otherwise it keeps '' (unknown), and only an admin lifts it (ADR 0020).
            migrationBuilder.Sql("""
                UPDATE subject_status AS status SET set_by = received.issuer
                FROM ssf_received_sets AS received
                WHERE received.jti = status.jti AND received.event_type = status.event_type
                  AND (SELECT count(*) FROM ssf_received_sets AS other
                       WHERE other.jti = status.jti AND other.event_type = status.event_type) = 1
                """);

            migrationBuilder.AddPrimaryKey(
                name: "PK_subject_status",
                table: "subject_status",
                columns: new[] { "format", "issuer", "value", "set_by" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_subject_status",
                table: "subject_status");

            // One block per identifier again: keep one of its setters' rows.
            migrationBuilder.Sql("""
                DELETE FROM subject_status AS a USING subject_status AS b
                WHERE a.format = b.format AND a.issuer = b.issuer AND a.value = b.value AND a.set_by > b.set_by
                """);

            migrationBuilder.DropColumn(
                name: "set_by",
                table: "subject_status");

            migrationBuilder.DropColumn(
                name: "allowed_claims",
                table: "ssf_streams");

            migrationBuilder.AddPrimaryKey(
                name: "PK_subject_status",
                table: "subject_status",
                columns: new[] { "format", "issuer", "value" });
        }
    }
}
