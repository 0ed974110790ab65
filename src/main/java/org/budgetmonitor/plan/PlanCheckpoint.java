package org.budgetmonitor.plan;

import java.time.LocalDate;

import org.budgetmonitor.money.Money;

/** The cumulative amount a project plans to have spent by a date (资金支出计划). */
public record PlanCheckpoint(LocalDate date, Money cumulative) {
}
