namespace RealTimeAuth.Server.Data;

/// <summary>
/// One recorded decision. Rows are written in batches with binary <c>COPY</c> by the audit writer and only read
/// through EF Core; the column names here are the ones the writer copies into.
/// </summary>
public sealed class DecisionAuditEntity
{
    public const int UserMaxLength = 512;
    public const int ActionMaxLength = 256;
    public const int ResourceTypeMaxLength = 256;
    public const int ResourceIdMaxLength = 1024;
    public const int PolicyVersionMaxLength = 64;
    public const int ReasonMaxLength = 256;
    public const int SourceMaxLength = 16;

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

    /// <summary>
    /// PostgreSQL refused the row as recorded (a field too long or not storable as text), so it was written with its
    /// fields cut to the column limits and stripped of U+0000; the decision itself was taken on the full request.
    /// </summary>
    public bool Truncated { get; set; }
}
