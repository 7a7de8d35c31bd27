using RealTimeAuth.Policies;
using RealTimeAuth.Policies.Model;
using RealTimeAuth.Policies.Subjects;

namespace RealTimeAuth.Server.Authorization.Pdp;

/// <summary>
/// One published policy: the compiled set, the document it came from (for the AuthZEN search endpoints'
/// action names and resource ids) and the subject directory that enriches requests naming only an id.
/// </summary>
public sealed record PolicySnapshot(CompiledPolicySet PolicySet, PolicySetDocument Document, SubjectDirectory Directory)
{
    public string Version => PolicySet.Version;
}
