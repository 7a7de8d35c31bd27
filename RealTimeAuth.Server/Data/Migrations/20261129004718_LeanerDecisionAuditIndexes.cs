using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RealTimeAuth.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class LeanerDecisionAuditIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_decision_audit_id_desc",
                table: "decision_audit");

            migrationBuilder.DropIndex(
                name: "ix_decision_audit_time",
                table: "decision_audit");

            migrationBuilder.CreateIndex(
                name: "ix_decision_audit_time",
                table: "decision_audit",
                column: "time")
                .Annotation("Npgsql:IndexMethod", "brin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_decision_audit_time",
                table: "decision_audit");

            migrationBuilder.CreateIndex(
                name: "ix_decision_audit_id_desc",
                table: "decision_audit",
                column: "id",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_decision_audit_time",
                table: "decision_audit",
                column: "time");
        }
    }
}
