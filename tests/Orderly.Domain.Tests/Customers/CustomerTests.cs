using Orderly.Domain.Common;
using Orderly.Domain.Customers;

namespace Orderly.Domain.Tests.Customers;

public class CustomerTests
{
    private static Customer Register(string code = "C-100", string name = "Acme GmbH", string currency = "EUR",
        decimal creditLimit = 50_000m, int paymentTermsDays = 30) =>
        Customer.Register(code, name, currency, creditLimit, paymentTermsDays, OrderBuilder.Now);

    [Fact]
    public void Register_KeepsTheCreditTermsAndTrimsTheTexts()
    {
        var customer = Register(code: " C-100 ", name: " Acme GmbH ");

        customer.ShouldSatisfyAllConditions(
            c => c.Code.ShouldBe("C-100"),
            c => c.Name.ShouldBe("Acme GmbH"),
            c => c.Currency.ShouldBe("EUR"),
            c => c.CreditLimit.ShouldBe(50_000m),
            c => c.PaymentTermsDays.ShouldBe(30),
            c => c.CreatedAt.ShouldBe(OrderBuilder.Now));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 365)]
    public void Register_CashOnlyAndLongTerms_AreAccepted(decimal creditLimit, int paymentTermsDays)
    {
        Register(creditLimit: creditLimit, paymentTermsDays: paymentTermsDays).PaymentTermsDays.ShouldBe(paymentTermsDays);
    }

    [Theory]
    [InlineData("code", "", "Acme", "EUR", 0, 30)]
    [InlineData("code", "123456789012345678901234567890123", "Acme", "EUR", 0, 30)]
    [InlineData("name", "C-1", "   ", "EUR", 0, 30)]
    [InlineData("currency", "C-1", "Acme", "eur", 0, 30)]
    [InlineData("creditLimit", "C-1", "Acme", "EUR", -0.01, 30)]
    [InlineData("paymentTermsDays", "C-1", "Acme", "EUR", 0, -1)]
    [InlineData("paymentTermsDays", "C-1", "Acme", "EUR", 0, 366)]
    public void Register_WithAnInvalidField_NamesThatField(string field, string code, string name, string currency, decimal creditLimit, int terms)
    {
        var refusal = Should.Throw<InvalidInput>(() => Register(code, name, currency, creditLimit, terms));

        refusal.Code.ShouldBe("customer.invalid");
        refusal.FieldErrors.Keys.ShouldBe([field]);
    }

    [Fact]
    public void Register_GivesEachCustomerItsOwnId()
    {
        Register().Id.ShouldNotBe(Register().Id);
    }
}
