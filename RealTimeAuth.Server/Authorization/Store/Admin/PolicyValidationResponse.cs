namespace RealTimeAuth.Server.Authorization.Store.Admin;

/// <summary>The answer of <c>POST /admin/v1/policies/validate</c>.</summary>
public sealed record PolicyValidationResponse(bool Valid, int RuleCount, IReadOnlyList<DiagnosticResponse> Diagnostics)
{
    public static PolicyValidationResponse From(PolicyValidation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        return new(validation.Valid, validation.RuleCount, [.. validation.Diagnostics.Select(DiagnosticResponse.From)]);
    }
}
