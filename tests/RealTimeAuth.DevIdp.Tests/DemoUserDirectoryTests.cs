using RealTimeAuth.DevIdp.Options;
using RealTimeAuth.DevIdp.SharedSignals;
using RealTimeAuth.DevIdp.Users;

namespace RealTimeAuth.DevIdp.Tests;

public sealed class DemoUserDirectoryTests
{
    private readonly DemoUserDirectory _directory = CreateDirectory();

    [Fact]
    public void ValidateCredentials_RightPassword_ReturnsUserWithRoles()
    {
        var user = _directory.ValidateCredentials("Morty@The-Citadel.com", "secret-1");

        Assert.NotNull(user);
        Assert.Equal("morty-sub", user.SubjectId);
        Assert.Equal(["editor"], user.Roles);
    }

    [Fact]
    public void ValidateCredentials_WrongPassword_ReturnsNull()
    {
        Assert.Null(_directory.ValidateCredentials("morty@the-citadel.com", "secret-2"));
    }

    [Fact]
    public void ValidateCredentials_UnknownEmail_ReturnsNull()
    {
        Assert.Null(_directory.ValidateCredentials("nobody@the-citadel.com", "secret-1"));
    }

    [Fact]
    public void FindBySubject_UnknownSubject_ReturnsNull()
    {
        Assert.Null(_directory.FindBySubject("someone-else"));
        Assert.NotNull(_directory.FindBySubject("morty-sub"));
    }

    private static DemoUserDirectory CreateDirectory()
    {
        var options = new DevIdpOptions();
        var morty = new DemoUserOptions { SubjectId = "morty-sub", Email = "morty@the-citadel.com", Name = "Morty", Password = "secret-1" };
        morty.Roles.Add("editor");
        options.Users.Add(morty);
        // Nobody is disabled, so the account status never touches its (absent) store.
        return new DemoUserDirectory(Microsoft.Extensions.Options.Options.Create(options), new UserAccountStatus(null!, TimeProvider.System));
    }
}
