namespace RealTimeAuth.Admin;

/// <summary>Names this assembly for hosting in tests (<c>WebApplicationFactory&lt;ConsoleAssembly&gt;</c>): several projects have a global <c>Program</c>.</summary>
public sealed class ConsoleAssembly;
