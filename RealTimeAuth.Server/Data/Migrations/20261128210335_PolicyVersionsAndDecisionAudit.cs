using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RealTimeAuth.Server.Data.Migrations
{
    /// <inheritdoc />
    public partial class PolicyVersionsAndDecisionAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "decision_audit",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_id = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    agent_chain = table.Column<string[]>(type: "text[]", nullable: false),
                    action = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    resource_type = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    resource_id = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    allowed = table.Column<bool>(type: "boolean", nullable: false),
                    policy_version = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    reason = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_audit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "policy_versions",
                columns: table => new
                {
                    version = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    description = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true),
                    document = table.Column<string>(type: "text", nullable: false),
                    rule_count = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_by = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    comment = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true),
                    published_by = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    publish_reason = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_versions", x => x.version);
                });

            migrationBuilder.CreateTable(
                name: "subject_directory_versions",
                columns: table => new
                {
                    version = table.Column<int>(type: "integer", nullable: false),
                    document = table.Column<string>(type: "text", nullable: false),
                    subject_count = table.Column<int>(type: "integer", nullable: false),
                    imported_by = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subject_directory_versions", x => x.version);
                });

            migrationBuilder.CreateIndex(
                name: "ix_decision_audit_action",
                table: "decision_audit",
                columns: new[] { "action", "id" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_decision_audit_agent_chain",
                table: "decision_audit",
                column: "agent_chain")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_decision_audit_id_desc",
                table: "decision_audit",
                column: "id",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_decision_audit_time",
                table: "decision_audit",
                column: "time");

            migrationBuilder.CreateIndex(
                name: "ix_decision_audit_user",
                table: "decision_audit",
                columns: new[] { "user_id", "id" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_policy_versions_one_active",
                table: "policy_versions",
                column: "status",
                unique: true,
                filter: "status = 'active'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "decision_audit");

            migrationBuilder.DropTable(
                name: "policy_versions");

            migrationBuilder.DropTable(
                name: "subject_directory_versions");
        }
    }
}
