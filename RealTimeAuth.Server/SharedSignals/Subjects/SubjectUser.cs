namespace RealTimeAuth.Server.SharedSignals.Subjects;

/// <summary>A user as the sessions table names them: issuer and subject exactly as stored.</summary>
public sealed record SubjectUser(string Issuer, string Subject);
