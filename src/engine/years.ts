/** The years the engine keeps: the 14th Five-Year plans' base year 2020 to their final year 2025. */
export const INDICATOR_YEARS: readonly number[] = [2020, 2021, 2022, 2023, 2024, 2025];
