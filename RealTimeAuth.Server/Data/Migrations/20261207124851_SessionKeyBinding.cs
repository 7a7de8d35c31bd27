using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RealTimeAuth.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class SessionKeyBinding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "key_chain",
                table: "sessions",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string>(
                name: "key_thumbprint",
                table: "sessions",
                type: "character varying(43)",
                maxLength: 43,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "key_chain",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "key_thumbprint",
                table: "sessions");
        }
    }
}
