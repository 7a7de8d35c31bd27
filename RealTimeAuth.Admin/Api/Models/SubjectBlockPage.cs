namespace RealTimeAuth.Admin.Api.Models;

/// <summary>One page of blocks and how many there are in all.</summary>
public sealed record SubjectBlockPage(List<SubjectBlock> Items, int Total);
