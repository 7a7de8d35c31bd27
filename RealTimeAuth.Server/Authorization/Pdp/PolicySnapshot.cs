using RealTimeAuth.Policies;
using RealTimeAuth.Policies.Model;
using RealTimeAuth.Policies.Resources;
using RealTimeAuth.Policies.Subjects;

namespace RealTimeAuth.Server.Authorization.Pdp;

/// <summary>
/// One published policy: the compiled set, the document it came from (for the AuthZEN search endpoints'
/// action names and resource ids), the subject directory that enriches requests naming only an id, and the
/// resource directory whose properties are the only ones a live-channel decision trusts.
/// </summary>
public sealed record PolicySnapshot(CompiledPolicySet PolicySet, PolicySetDocument Document, SubjectDirectory Directory)
{
    public string Version => PolicySet.Version;

    public ResourceDirectory Resources { get; init; } = ResourceDirectory.Empty;
}
