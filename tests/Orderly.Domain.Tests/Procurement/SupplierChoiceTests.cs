using Orderly.Domain.Procurement;

namespace Orderly.Domain.Tests.Procurement;

public class SupplierChoiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static SourcingOption Offer(string supplier, int rank, int leadTimeDays, bool available = true)
    {
        var s = Supplier.Register(supplier, supplier, "EUR", Now);
        if (!available) s.MarkUnavailable("factory closed for renovation");
        return new SourcingOption(s, SupplierOffer.Define(s.Id, "CHAI", 5m, "EUR", leadTimeDays, 0m, rank));
    }

    [Fact]
    public void Preferred_IsTheBestRankedSupplier_EvenWhenABackupIsFaster()
    {
        SourcingOption[] options = [Offer("BACKUP", rank: 2, leadTimeDays: 3), Offer("PRIMARY", rank: 1, leadTimeDays: 14)];

        SupplierChoice.Preferred(options)!.Supplier.Code.ShouldBe("PRIMARY");
    }

    [Fact]
    public void Preferred_BreaksARankTieByLeadTime()
    {
        SourcingOption[] options = [Offer("SLOW", rank: 1, leadTimeDays: 10), Offer("QUICK", rank: 1, leadTimeDays: 4)];

        SupplierChoice.Preferred(options)!.Supplier.Code.ShouldBe("QUICK");
    }

    [Fact]
    public void Preferred_SkipsAnUnavailableSupplier_ForTheNextBackup()
    {
        SourcingOption[] options =
        [
            Offer("PRIMARY", rank: 1, leadTimeDays: 5, available: false), Offer("THIRD", rank: 3, leadTimeDays: 2),
            Offer("SECOND", rank: 2, leadTimeDays: 9),
        ];

        SupplierChoice.Preferred(options)!.Supplier.Code.ShouldBe("SECOND");
    }

    [Fact]
    public void Preferred_IsNobody_WhenNoSupplierIsAvailable() =>
        SupplierChoice.Preferred([Offer("ONLY", rank: 1, leadTimeDays: 5, available: false)]).ShouldBeNull();

    [Fact]
    public void Fastest_IsTheShortestLeadTime_WhateverTheRank()
    {
        SourcingOption[] options = [Offer("PRIMARY", rank: 1, leadTimeDays: 14), Offer("BACKUP", rank: 2, leadTimeDays: 3)];

        SupplierChoice.Fastest(options)!.Supplier.Code.ShouldBe("BACKUP");
    }

    [Fact]
    public void Fastest_LeavesOutTheLateSupplierAndUnavailableOnes_AndBreaksTiesByRank()
    {
        var late = Offer("LATE", rank: 1, leadTimeDays: 1);
        SourcingOption[] options =
        [
            late, Offer("CLOSED", rank: 2, leadTimeDays: 2, available: false), Offer("FOURTH", rank: 4, leadTimeDays: 6),
            Offer("THIRD", rank: 3, leadTimeDays: 6),
        ];

        SupplierChoice.Fastest(options, excluding: late.Supplier.Id)!.Supplier.Code.ShouldBe("THIRD");
    }

    [Fact]
    public void Fastest_IsNobody_WhenOnlyTheLateSupplierOffersIt()
    {
        var late = Offer("LATE", rank: 1, leadTimeDays: 1);

        SupplierChoice.Fastest([late], excluding: late.Supplier.Id).ShouldBeNull();
    }
}
