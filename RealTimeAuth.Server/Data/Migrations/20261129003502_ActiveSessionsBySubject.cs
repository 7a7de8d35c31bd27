using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RealTimeAuth.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class ActiveSessionsBySubject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_sessions_status",
                table: "sessions");

            migrationBuilder.AlterTable(
                name: "sessions")
                .Annotation("Npgsql:StorageParameter:fillfactor", 80);

            migrationBuilder.CreateIndex(
                name: "IX_sessions_active_by_subject",
                table: "sessions",
                columns: new[] { "issuer", "subject" },
                filter: "status = 'Active'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_sessions_active_by_subject",
                table: "sessions");

            migrationBuilder.AlterTable(
                name: "sessions")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 80);

            migrationBuilder.CreateIndex(
                name: "IX_sessions_status",
                table: "sessions",
                column: "status");
        }
    }
}
