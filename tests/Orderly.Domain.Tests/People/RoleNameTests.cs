using Orderly.Domain.People;

namespace Orderly.Domain.Tests.People;

public sealed class RoleNameTests
{
    [Fact]
    public void Every_role_reads_back_from_its_name_and_no_two_share_one()
    {
        var roles = Enum.GetValues<Role>();
        Assert.Equal(roles.Length, roles.Select(r => r.ToName()).Distinct().Count());
        foreach (var role in roles)
        {
            Assert.True(RoleNames.TryParse(role.ToName().ToUpperInvariant(), out var parsed));
            Assert.Equal(role, parsed);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("admin")]
    [InlineData("order_administration")]
    public void A_name_no_role_has_is_refused(string name) => Assert.False(RoleNames.TryParse(name, out _));

    [Fact]
    public void Only_customers_and_dealers_are_outside_parties() =>
        Assert.Equal([Role.Customer, Role.Dealer], Enum.GetValues<Role>().Where(r => r.IsOutsideParty()));
}
