using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RealTimeAuth.Server.Data.Configurations;

internal sealed class DecisionAuditConfiguration : IEntityTypeConfiguration<DecisionAuditEntity>
{
    public void Configure(EntityTypeBuilder<DecisionAuditEntity> builder)
    {
        builder.ToTable("decision_audit");
        builder.HasKey(row => row.Id);
        builder.Property(row => row.Id).HasColumnName("id").UseIdentityByDefaultColumn();
        builder.Property(row => row.Time).HasColumnName("time");
        builder.Property(row => row.SessionId).HasColumnName("session_id");
        builder.Property(row => row.User).HasColumnName("user_id").HasMaxLength(DecisionAuditEntity.UserMaxLength);
        builder.Property(row => row.AgentChain).HasColumnName("agent_chain");
        builder.Property(row => row.Action).HasColumnName("action").HasMaxLength(DecisionAuditEntity.ActionMaxLength);
        builder.Property(row => row.ResourceType).HasColumnName("resource_type").HasMaxLength(DecisionAuditEntity.ResourceTypeMaxLength);
        builder.Property(row => row.ResourceId).HasColumnName("resource_id").HasMaxLength(DecisionAuditEntity.ResourceIdMaxLength);
        builder.Property(row => row.Allowed).HasColumnName("allowed");
        builder.Property(row => row.PolicyVersion).HasColumnName("policy_version").HasMaxLength(DecisionAuditEntity.PolicyVersionMaxLength);
        builder.Property(row => row.Reason).HasColumnName("reason").HasMaxLength(DecisionAuditEntity.ReasonMaxLength);
        builder.Property(row => row.Source).HasColumnName("source").HasMaxLength(DecisionAuditEntity.SourceMaxLength);
        builder.Property(row => row.KeyChain).HasColumnName("key_chain");
        builder.Property(row => row.Truncated).HasColumnName("truncated");

        // Newest first, paged by id (the primary key, read backwards); the filters of the audit API narrow by user,
        // action and agent. Every decision writes a row, so each index costs on the hot path: time only grows with
        // id, and a BRIN index answers time ranges for almost nothing per insert.
        builder.HasIndex(row => row.Time).HasMethod("brin").HasDatabaseName("ix_decision_audit_time");
        builder.HasIndex(row => new { row.User, row.Id }).IsDescending(false, true).HasDatabaseName("ix_decision_audit_user");
        builder.HasIndex(row => new { row.Action, row.Id }).IsDescending(false, true).HasDatabaseName("ix_decision_audit_action");
        builder.HasIndex(row => row.AgentChain).HasMethod("gin").HasDatabaseName("ix_decision_audit_agent_chain");
    }
}
