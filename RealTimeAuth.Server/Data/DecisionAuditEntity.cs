namespace RealTimeAuth.Server.Data;

/// <summary>
/// One recorded decision. Rows are written in batches with binary <c>COPY</c> by the audit writer and only read
/// through EF Core; the column names here are the ones the writer copies into.
/// </summary>
public sealed class DecisionAuditEntity
{
    public long Id { get; set; }

    public DateTimeOffset Time { get; set; }

    public Guid? SessionId { get; set; }

    public required string User { get; set; }

    /// <summary>Agent ids from the root session's agent to the acting one.</summary>
    public required string[] AgentChain { get; set; }

    public required string Action { get; set; }

    public required string ResourceType { get; set; }

    public string? ResourceId { get; set; }

    public bool Allowed { get; set; }

    public string? PolicyVersion { get; set; }

    public string? Reason { get; set; }

    /// <summary><c>live</c> or <c>authzen</c>.</summary>
    public required string Source { get; set; }

    /// <summary>Key thumbprints from the root session's to the acting session's; empty when no bound session acted.</summary>
    public string[] KeyChain { get; set; } = [];
}
