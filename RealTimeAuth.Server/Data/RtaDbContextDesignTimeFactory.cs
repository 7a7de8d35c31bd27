using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RealTimeAuth.Server.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the server or a database.</summary>
internal sealed class RtaDbContextDesignTimeFactory : IDesignTimeDbContextFactory<RtaDbContext>
{
    public RtaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RtaDbContext>().UseNpgsql("Host=localhost;Database=rtadb").Options);
}
