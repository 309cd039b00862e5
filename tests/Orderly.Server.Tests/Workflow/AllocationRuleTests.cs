using System.Net;
using System.Net.Http.Json;
using Orderly.Application.Sales;
using Orderly.Application.Workflow;
using Orderly.Domain.People;
using static Orderly.Server.Tests.Workflow.WorkJourneyTests;

namespace Orderly.Server.Tests.Workflow;

/// <summary>
/// Allocation rules as data (issue 11 item 2): by region, product line, order value and priority, the first matching
/// rule by position deciding among its own people, overflow to the department or the unassigned queue when they are
/// full, and the dry run that says who would get an order and why without writing anything.
/// </summary>
public sealed class AllocationRuleTests
{
    [Fact]
    public async Task A_rule_by_region_gives_its_orders_to_its_people_and_the_dry_run_says_who_would_get_one_and_why()
    {
        using var api = Api();
        api.Clock.MoveTo(Local(7, 9));
        await api.SeedAsync();
        var (li, wang, zhao) = await SalesPeopleAsync(api);
        await RegisterCustomerAsync(api, "EASTCO", "East");
        var rule = await CreateAsync(api, new { name = "Sales East", department = "sales", region = "east", people = new[] { li, wang } });
        rule.Criteria.ShouldBe("region east");
        rule.People.Select(p => p.Name).ShouldBe(["li@orderly.test", "wang@orderly.test"]);

        var east = await PlaceAsync(api, "EASTCO", ("CHAI", 2));
        var entering = await NextStepAsync(api, east.Id);
        new[] { li, wang }.ShouldContain(entering.Assignee!.Id);
        entering.AssignmentReason.ShouldStartWith("Sales East; 0 open of capacity 10, 0 due before this; due 2026-12-07 17:00");
        var before = await api.GetAsync<OrderWorkView>($"/api/orders/{east.Id}/work");
        var dry = await OrderlyApi.Read<AllocationDryRunView>(await api.Client.PostAsJsonAsync("/api/workflow/allocation-rules/dry-run",
            new { orderId = east.Id }, OrderlyApi.Json), HttpStatusCode.OK);

        var trial = dry.Steps.ShouldHaveSingleItem();
        (trial.Step, trial.Department, trial.Rule, trial.RuleCriteria).ShouldBe(("enter", "sales", "Sales East", "region east"));
        trial.Considered.Select(c => c.Person.Id).ShouldBe([li, wang], ignoreOrder: true);
        trial.Considered.Single(c => c.Person.Id == entering.Assignee.Id).Open.ShouldBe(1);
        trial.Assignee!.Id.ShouldNotBe(entering.Assignee.Id, "the one of the rule's people with less open work");
        trial.Reason.ShouldStartWith("Sales East; 0 open of capacity 10");
        (await api.GetAsync<OrderWorkView>($"/api/orders/{east.Id}/work")).Open.Single().Assignee!.Id.ShouldBe(before.Open.Single().Assignee!.Id, "a dry run writes nothing");

        // placed after the dry run, whose pick is certain only while the rule's other person holds nothing
        var west = await PlaceAsync(api, "ALFKI", ("CHAI", 2));
        var other = await NextStepAsync(api, west.Id);
        other.AssignmentReason.ShouldBe("sales; 0 open of capacity 10, 0 due before this; due 2026-12-07 17:00",
            "no rule matches ALFKI: the whole department, the least loaded");
        new[] { zhao, li, wang }.Where(p => p != entering.Assignee.Id).ShouldContain(other.Assignee!.Id,
            "one of the two with nothing open (they tie: round-robin among equals picks either)");

        var alfki = (await api.GetAsync<List<Orderly.Application.Customers.CustomerView>>("/api/customers")).Single(c => c.Code == "ALFKI").Id;
        await OrderlyApi.ProblemAsync(await api.Client.PutAsJsonAsync($"/api/customers/{alfki}/region", new { region = new string('x', 65) }, OrderlyApi.Json),
            HttpStatusCode.BadRequest, "customer.invalid");
        (await OrderlyApi.Read<Orderly.Application.Customers.CustomerView>(await api.Client.PutAsJsonAsync($"/api/customers/{alfki}/region",
            new { region = " East " }, OrderlyApi.Json), HttpStatusCode.OK)).Region.ShouldBe("East");
        (await NextStepAsync(api, (await PlaceAsync(api, "ALFKI", ("CHAI", 1))).Id)).AssignmentReason.ShouldStartWith("Sales East;", customMessage: "ALFKI moved to the East");
    }

    [Fact]
    public async Task Product_line_value_and_priority_select_and_a_full_rule_overflows_or_waits_unassigned()
    {
        using var api = Api();
        api.Clock.MoveTo(Local(7, 9));
        await api.SeedAsync();
        var (li, wang, zhao) = await SalesPeopleAsync(api);
        (await api.Client.PostAsJsonAsync("/api/products", new
        {
            sku = "OOLONG", name = "Oolong", unit = "box", unitDecimals = 0, listPrice = 12m, currency = "EUR", taxRate = 0.07m, maxDiscountPercent = 10m,
            productLine = "Tea",
        }, OrderlyApi.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var chai = (await api.GetAsync<List<Orderly.Application.Catalog.ProductView>>("/api/products")).Single(p => p.Sku == "CHAI");
        (await OrderlyApi.Read<Orderly.Application.Catalog.ProductView>(await api.Client.PutAsJsonAsync($"/api/products/{chai.Id}/product-line",
            new { productLine = "Spiced" }, OrderlyApi.Json), HttpStatusCode.OK)).ProductLine.ShouldBe("Spiced", "CHAI is not tea: orders of CHAI alone stay out of the tea desk");
        await CreateAsync(api, new { name = "Big urgent", department = "sales", step = "enter", minOrderValue = 1000m, currency = "EUR", maxPriority = 2, people = new[] { zhao }, position = 10 });
        var tea = await CreateAsync(api, new { name = "Tea desk", department = "sales", productLine = "tea", people = new[] { wang }, position = 20 });

        (await NextStepAsync(api, (await PlaceAsync(api, "ALFKI", ("CHAI", 100), priority: 1)).Id)).AssignmentReason.ShouldStartWith("Big urgent;");
        (await NextStepAsync(api, (await PlaceAsync(api, "ALFKI", ("CHAI", 100), priority: 3)).Id)).AssignmentReason.ShouldStartWith("sales;", customMessage: "priority 3 is not urgent enough");
        (await NextStepAsync(api, (await PlaceAsync(api, "ALFKI", ("CHAI", 10), priority: 1)).Id)).AssignmentReason.ShouldStartWith("sales;", customMessage: "below 1000 EUR");
        var teaStep = await NextStepAsync(api, (await PlaceAsync(api, "ALFKI", ("CHAI", 1), ("OOLONG", 1))).Id);
        teaStep.Assignee!.Id.ShouldBe(wang, "the tea desk is wang's alone, whatever wang holds already");
        teaStep.AssignmentReason.ShouldStartWith("Tea desk; ");

        await CapacityAsync(api, wang, 0);
        var waiting = await NextStepAsync(api, (await PlaceAsync(api, "ALFKI", ("OOLONG", 1))).Id);
        (waiting.Assignee, waiting.AssignmentReason).ShouldBe((null, "Tea desk: all 1 people at capacity; unassigned queue"));

        await OrderlyApi.Read<AllocationRuleView>(await api.Client.PutAsJsonAsync($"/api/workflow/allocation-rules/{tea.Id}",
            new { name = "Tea desk", department = "sales", productLine = "tea", people = new[] { wang }, position = 20, overflow = true }, OrderlyApi.Json), HttpStatusCode.OK);
        var overflowed = await NextStepAsync(api, (await PlaceAsync(api, "ALFKI", ("OOLONG", 1))).Id);
        overflowed.AssignmentReason.ShouldStartWith("Tea desk full, overflow to sales;");
        new[] { li, zhao }.ShouldContain(overflowed.Assignee!.Id);

        (await api.SendJsonAsync(HttpMethod.Delete, $"/api/workflow/allocation-rules/{tea.Id}", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await api.GetAsync<List<AllocationRuleView>>("/api/workflow/allocation-rules")).Select(r => r.Name).ShouldBe(["Big urgent"]);
        await ProcessFiguresTests.TalliesMatchTheWorkItemsAsync(api);
    }

    [Fact]
    public async Task Rules_that_do_not_read_are_refused_field_by_field_and_nothing_is_stored()
    {
        using var api = Api();
        await api.SeedAsync();
        var outsider = await IdOf(api.ClientFor("outsider@orderly.test", Role.Warehouse));
        var refused = await OrderlyApi.ProblemAsync(await api.Client.PostAsJsonAsync("/api/workflow/allocation-rules", new
        {
            name = "", department = "pirates", step = "nowhere", position = -1, minOrderValue = 10m, maxOrderValue = 5m, maxPriority = 12, people = Array.Empty<Guid>(),
        }, OrderlyApi.Json), HttpStatusCode.BadRequest, "allocation_rule.invalid");
        refused.Errors!.Keys.ShouldBe(["name", "department", "step", "position", "maxOrderValue", "currency", "maxPriority", "people"], ignoreOrder: true);

        var wrongPeople = await OrderlyApi.ProblemAsync(await api.Client.PostAsJsonAsync("/api/workflow/allocation-rules", new
        {
            name = "Picking", department = "warehouse", step = "review", people = new[] { outsider, Guid.NewGuid() }, currency = "EUR",
        }, OrderlyApi.Json), HttpStatusCode.BadRequest, "allocation_rule.invalid");
        wrongPeople.Errors!.Keys.ShouldBe(["step", "people[1]", "currency"], ignoreOrder: true);
        var notRole = await OrderlyApi.ProblemAsync(await api.Client.PostAsJsonAsync("/api/workflow/allocation-rules",
            new { name = "Sales via warehouse", department = "sales", people = new[] { outsider } }, OrderlyApi.Json), HttpStatusCode.BadRequest, "allocation_rule.invalid");
        notRole.Errors!["people[0]"].Single().ShouldContain("does not hold the sales role");

        await CreateAsync(api, new { name = "Picking", department = "warehouse", people = new[] { outsider } });
        await OrderlyApi.ProblemAsync(await api.Client.PostAsJsonAsync("/api/workflow/allocation-rules",
            new { name = "Picking", department = "warehouse", people = new[] { outsider } }, OrderlyApi.Json), HttpStatusCode.Conflict, "allocation_rule.name_taken");
        await OrderlyApi.ProblemAsync(await api.Client.PutAsJsonAsync($"/api/workflow/allocation-rules/{Guid.NewGuid()}",
            new { name = "X", department = "warehouse", people = new[] { outsider } }, OrderlyApi.Json), HttpStatusCode.NotFound, "allocation_rule.not_found");
        await OrderlyApi.ProblemAsync(await api.Client.PostAsJsonAsync("/api/workflow/allocation-rules/dry-run", new { orderId = Guid.NewGuid() }, OrderlyApi.Json),
            HttpStatusCode.NotFound, "order.not_found");
        (await api.GetAsync<List<AllocationRuleView>>("/api/workflow/allocation-rules")).ShouldHaveSingleItem().Name.ShouldBe("Picking");
    }

    private static async Task<(Guid Li, Guid Wang, Guid Zhao)> SalesPeopleAsync(OrderlyApi api)
    {
        var ids = new List<Guid>();
        foreach (var name in new[] { "li", "wang", "zhao" }) ids.Add(await IdOf(api.ClientFor($"{name}@orderly.test", Role.Sales)));
        await CapacityAsync(api, await IdOf(api.Client), 0); // the bootstrap administrator takes no work here
        return (ids[0], ids[1], ids[2]);
    }

    private static async Task CapacityAsync(OrderlyApi api, Guid person, int capacity) =>
        (await api.Client.PutAsJsonAsync($"/api/workflow/people/{person}/capacity", new { capacity }, OrderlyApi.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);

    private static async Task RegisterCustomerAsync(OrderlyApi api, string code, string region) =>
        (await api.Client.PostAsJsonAsync("/api/customers", new { code, name = code, currency = "EUR", creditLimit = 100000m, paymentTermsDays = 30, region },
            OrderlyApi.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);

    private static async Task<AllocationRuleView> CreateAsync(OrderlyApi api, object rule) =>
        await OrderlyApi.Read<AllocationRuleView>(await api.Client.PostAsJsonAsync("/api/workflow/allocation-rules", rule, OrderlyApi.Json), HttpStatusCode.Created);

    private static async Task<OrderView> PlaceAsync(OrderlyApi api, string customer, params (string Sku, decimal Quantity)[] lines) =>
        await PlaceAsync(api, customer, lines, 5);

    private static async Task<OrderView> PlaceAsync(OrderlyApi api, string customer, (string Sku, decimal Quantity) line, int priority) =>
        await PlaceAsync(api, customer, [line], priority);

    private static async Task<OrderView> PlaceAsync(OrderlyApi api, string customer, (string Sku, decimal Quantity)[] lines, int priority) =>
        await OrderlyApi.Read<OrderView>(await api.Client.PostAsJsonAsync("/api/orders", new
        {
            customerCode = customer, requestedDate = api.ServerToday.AddDays(14), priority, lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }),
        }, OrderlyApi.Json), HttpStatusCode.Created);
}
