using Microsoft.EntityFrameworkCore;
using Orderly.Application.People;
using Orderly.Application.Persistence;
using Orderly.Domain.People;

namespace Orderly.Server.Demo;

/// <summary>
/// One demo user per role for <c>--seed-demo</c> (README): <c>&lt;role&gt;@demo.orderly.example</c>, all with the
/// password <see cref="Password"/>; the customer user belongs to ALFKI, the dealer user to BLAUS. For demos only: the
/// server warns at every start while they exist.
/// </summary>
internal static class DemoUsers
{
    public const string EmailDomain = "@demo.orderly.example";
    public const string Password = "orderly-demo-password";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            await using var scope = services.CreateAsyncScope();
            var customer = role switch { Role.Customer => "ALFKI", Role.Dealer => "BLAUS", _ => null };
            await scope.ServiceProvider.GetRequiredService<UserUseCases>().CreateAsync(new CreateUserRequest(role.ToName() + EmailDomain,
                $"Demo {role.ToName()}", Password, [role.ToName()], CustomerCode: customer), "demo-seed", ct);
        }
    }

    public static async Task<bool> ExistAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrderlyDbContext>().Users.AnyAsync(u => u.NormalizedEmail.EndsWith(EmailDomain.ToUpperInvariant()), ct);
    }
}
