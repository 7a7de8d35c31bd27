namespace RealTimeAuth.Server.Exchange;

internal enum SubjectTokenOutcome
{
    Valid,
    Invalid,
    IssuerUnavailable,
}
