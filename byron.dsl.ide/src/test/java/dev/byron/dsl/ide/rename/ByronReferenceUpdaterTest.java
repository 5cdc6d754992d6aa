package dev.byron.dsl.ide.rename;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The names a reference is written under again after a rename (the cases an outside tester found written wrong). */
class ByronReferenceUpdaterTest {
	@Test
	void aGeneratedEventKeepsItsKindWhenItsEntityIsRenamed() {
		assertThat(ByronReferenceUpdater.renamedTexts("loans.LoanUpdated", Map.of("Loan", "Lending"))).contains("loans.LendingUpdated");
	}

	@Test
	void aGeneratedCommandKeepsItsVerbWhenItsEntityIsRenamed() {
		assertThat(ByronReferenceUpdater.renamedTexts("updateBooking", Map.of("Booking", "Reservation"))).contains("updateReservation");
		assertThat(ByronReferenceUpdater.inCommon("updateBooking", "updateReservation"))
				.isGreaterThan(ByronReferenceUpdater.inCommon("updateBooking", "createReservation"));
	}

	@Test
	void aPerFieldEventFollowsItsFieldsNewNameCapitalised() {
		assertThat(ByronReferenceUpdater.renamedTexts("guests.GuestLoyaltyChanged", Map.of("loyalty", "tier")))
				.contains("guests.GuestTierChanged");
	}

	@Test
	void aComponentRenamedChangesOnlyTheQualifier() {
		assertThat(ByronReferenceUpdater.renamedTexts("guests.GuestCreated", Map.of("guests", "visitors")).get(0))
				.isEqualTo("visitors.GuestCreated");
	}
}
