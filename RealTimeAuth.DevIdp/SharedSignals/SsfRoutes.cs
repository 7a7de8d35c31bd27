namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>The transmitter's paths.</summary>
internal static class SsfRoutes
{
    public const string Jwks = "/ssf/v1/jwks";
    public const string Stream = "/ssf/v1/stream";
    public const string Status = "/ssf/v1/status";
    public const string AddSubject = "/ssf/v1/subjects:add";
    public const string RemoveSubject = "/ssf/v1/subjects:remove";
    public const string Verify = "/ssf/v1/verify";
    public const string Poll = "/ssf/v1/poll";
    public const string Triggers = "/ssf/v1/triggers";

    public const string ManagePolicy = "ssf-manage";
}
