using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RealTimeAuth.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class DecisionAuditKeyChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "key_chain",
                table: "decision_audit",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "key_chain",
                table: "decision_audit");
        }
    }
}
