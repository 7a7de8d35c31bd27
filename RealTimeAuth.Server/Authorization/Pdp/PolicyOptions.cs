namespace RealTimeAuth.Server.Authorization.Pdp;

/// <summary>
/// Configuration section <c>Policies</c>: the policy file and the subject and resource directory files loaded at start,
/// relative to the content root. Without <see cref="File"/> no policy is active and decisions are scope-only.
/// </summary>
public sealed class PolicyOptions
{
    public const string SectionName = "Policies";

    /// <summary>A <c>rta.policy/v1</c> file, for instance <c>../policies/todo.policy.json</c>.</summary>
    public string? File { get; set; }

    /// <summary>An optional <c>rta.directory/v1</c> file, for instance <c>../policies/todo.directory.json</c>.</summary>
    public string? DirectoryFile { get; set; }

    /// <summary>
    /// An optional <c>rta.resources/v1</c> file, for instance <c>../policies/resources.directory.json</c>: the trusted
    /// resource properties the live channel's decisions read (ADR 0017). Imported when the database holds none.
    /// </summary>
    public string? ResourceDirectoryFile { get; set; }

    /// <summary>
    /// How often one replica re-evaluates every live session against the active policy, catching what a publish's own
    /// re-evaluation missed: a failure after the commit, or a session created while the publish was committing.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:01", "1.00:00:00",
        ErrorMessage = "Set Policies:ReconcileInterval between 00:00:01 and 1.00:00:00.")]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(1);
}
