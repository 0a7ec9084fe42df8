import { describe, expect, it } from 'vitest';
import { runConfigWithDefaults } from '../../src/config/defaults.js';

describe('runConfigWithDefaults', () => {
  it("fills Data Designer's RunConfig defaults from the schema and keeps given values", () => {
    const given = { buffer_size: 7, request_admission: { cooldown_seconds: 0.5 } };
    const full = runConfigWithDefaults(given);
    expect(full).toMatchObject({ buffer_size: 7, shutdown_error_rate: 0.5, shutdown_error_window: 10, max_conversation_restarts: 5, jinja_rendering_engine: 'secure' });
    expect(full.request_admission).toEqual({ cooldown_seconds: 0.5, multiplicative_decrease_factor: 0.75, additive_increase_step: 1, successes_until_increase: 25, startup_ramp_seconds: 0 });
    expect(given).toEqual({ buffer_size: 7, request_admission: { cooldown_seconds: 0.5 } }); // not mutated
    expect(runConfigWithDefaults().request_admission).toBeNull();
  });
});
