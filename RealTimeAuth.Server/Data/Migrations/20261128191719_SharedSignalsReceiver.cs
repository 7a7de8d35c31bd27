using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RealTimeAuth.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class SharedSignalsReceiver : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "idp_session_id",
                table: "sessions",
                type: "character varying(512)",
                maxLength: 512,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ssf_streams",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    issuer = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    audience = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    transmitter_stream_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    delivery_method = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    jwks_uri = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    metadata_address = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    require_https = table.Column<bool>(type: "boolean", nullable: false),
                    push_authorization_hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    subject_issuers = table.Column<string[]>(type: "text[]", nullable: false),
                    events_requested = table.Column<string[]>(type: "text[]", nullable: false),
                    events_delivered = table.Column<string[]>(type: "text[]", nullable: false),
                    description = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    transmitter_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    transmitter_status_reason = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    pending_verification_state = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    last_verification_state = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    last_verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ssf_streams", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subject_status",
                columns: table => new
                {
                    format = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    issuer = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    value = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    event_type = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    jti = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subject_status", x => new { x.format, x.issuer, x.value });
                });

            migrationBuilder.CreateTable(
                name: "ssf_received_sets",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    stream_id = table.Column<Guid>(type: "uuid", nullable: false),
                    issuer = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    jti = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    event_type = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    subject_format = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    raw = table.Column<string>(type: "text", nullable: false),
                    claims = table.Column<string>(type: "text", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    delivery = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    effect = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    effect_detail = table.Column<string>(type: "jsonb", nullable: true),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    redeliveries = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ssf_received_sets", x => x.id);
                    table.ForeignKey(
                        name: "FK_ssf_received_sets_ssf_streams_stream_id",
                        column: x => x.stream_id,
                        principalTable: "ssf_streams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ssf_stream_subjects",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    stream_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "jsonb", nullable: false),
                    verified = table.Column<bool>(type: "boolean", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ssf_stream_subjects", x => x.id);
                    table.ForeignKey(
                        name: "FK_ssf_stream_subjects_ssf_streams_stream_id",
                        column: x => x.stream_id,
                        principalTable: "ssf_streams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sessions_idp_session_id",
                table: "sessions",
                column: "idp_session_id");

            migrationBuilder.CreateIndex(
                name: "IX_ssf_received_sets_issuer_jti",
                table: "ssf_received_sets",
                columns: new[] { "issuer", "jti" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ssf_received_sets_pending",
                table: "ssf_received_sets",
                column: "id",
                filter: "status = 'pending'");

            migrationBuilder.CreateIndex(
                name: "IX_ssf_received_sets_received_at",
                table: "ssf_received_sets",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "IX_ssf_received_sets_stream_id",
                table: "ssf_received_sets",
                column: "stream_id");

            migrationBuilder.CreateIndex(
                name: "IX_ssf_stream_subjects_stream_id",
                table: "ssf_stream_subjects",
                column: "stream_id");

            migrationBuilder.CreateIndex(
                name: "IX_ssf_streams_issuer_audience",
                table: "ssf_streams",
                columns: new[] { "issuer", "audience" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ssf_received_sets");

            migrationBuilder.DropTable(
                name: "ssf_stream_subjects");

            migrationBuilder.DropTable(
                name: "subject_status");

            migrationBuilder.DropTable(
                name: "ssf_streams");

            migrationBuilder.DropIndex(
                name: "IX_sessions_idp_session_id",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "idp_session_id",
                table: "sessions");
        }
    }
}
