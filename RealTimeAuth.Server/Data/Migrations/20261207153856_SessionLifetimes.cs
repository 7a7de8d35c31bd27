using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RealTimeAuth.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class SessionLifetimes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "expires_at",
                table: "sessions",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "idle_expires_at",
                table: "sessions",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<TimeSpan>(
                name: "idle_timeout",
                table: "sessions",
                type: "interval",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            // Rows made before lifetimes get the shipped defaults: 24 h from creation, and 30 min of idleness counted
            // from the upgrade, so an upgrade does not end every live session at once (ADR 0018).
            migrationBuilder.Sql("""
                UPDATE sessions SET expires_at = created_at + interval '24 hours', idle_timeout = interval '30 minutes',
                    idle_expires_at = now() + interval '30 minutes'
                """);

            migrationBuilder.CreateIndex(
                name: "IX_sessions_active_by_expiry",
                table: "sessions",
                column: "expires_at",
                filter: "status = 'Active'");

            migrationBuilder.CreateIndex(
                name: "IX_sessions_active_by_idle_expiry",
                table: "sessions",
                column: "idle_expires_at",
                filter: "status = 'Active'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_sessions_active_by_expiry",
                table: "sessions");

            migrationBuilder.DropIndex(
                name: "IX_sessions_active_by_idle_expiry",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "expires_at",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "idle_expires_at",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "idle_timeout",
                table: "sessions");
        }
    }
}
