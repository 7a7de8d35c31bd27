using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RealTimeAuth.DevIdp.Data.Migrations
{
    /// <inheritdoc />
    public partial class SharedSignalsTransmitter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "disabled_users",
                columns: table => new
                {
                    SubjectId = table.Column<string>(type: "TEXT", nullable: false),
                    DisabledAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disabled_users", x => x.SubjectId);
                });

            migrationBuilder.CreateTable(
                name: "ssf_outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StreamId = table.Column<string>(type: "TEXT", nullable: false),
                    Jti = table.Column<string>(type: "TEXT", nullable: false),
                    EventType = table.Column<string>(type: "TEXT", nullable: false),
                    Set = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ssf_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ssf_stream_subjects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StreamId = table.Column<string>(type: "TEXT", nullable: false),
                    SubjectKey = table.Column<string>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", nullable: false),
                    Removed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Verified = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ssf_stream_subjects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ssf_streams",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    OwnerClientId = table.Column<string>(type: "TEXT", nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", nullable: false),
                    Audience = table.Column<string>(type: "TEXT", nullable: false),
                    DeliveryMethod = table.Column<string>(type: "TEXT", nullable: false),
                    EndpointUrl = table.Column<string>(type: "TEXT", nullable: true),
                    AuthorizationHeader = table.Column<string>(type: "TEXT", nullable: true),
                    EventsRequested = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ssf_streams", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ssf_outbox_StreamId_Jti",
                table: "ssf_outbox",
                columns: new[] { "StreamId", "Jti" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ssf_outbox_StreamId_Status_NextAttemptAt",
                table: "ssf_outbox",
                columns: new[] { "StreamId", "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ssf_stream_subjects_StreamId_SubjectKey",
                table: "ssf_stream_subjects",
                columns: new[] { "StreamId", "SubjectKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ssf_streams_OwnerClientId",
                table: "ssf_streams",
                column: "OwnerClientId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disabled_users");

            migrationBuilder.DropTable(
                name: "ssf_outbox");

            migrationBuilder.DropTable(
                name: "ssf_stream_subjects");

            migrationBuilder.DropTable(
                name: "ssf_streams");
        }
    }
}
