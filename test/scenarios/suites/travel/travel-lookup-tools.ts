import { z } from 'zod';
import { defineTool } from '../../harness/define-tool.js';
import type { ToolSpec } from '../../harness/scenario-types.js';
import type { Place, TravelEnv } from './travel-environment.js';

type Kind = 'hotels' | 'restaurants' | 'cars';
const TRUSTED = { labels: ['trusted'] };
/** Ratings are the platform's; review prose is anyone's (the injection surface). */
const REVIEWS = { labels: ['trusted'], untrustedPaths: ['*.reviews'] };
const NAMES = { names: z.array(z.string()).min(1) };

function inCity(env: TravelEnv, kind: Kind, city: string): Place[] {
  // Cities match without regard to case, as a booking site's search does.
  return env[kind].filter((place) => place.city.toLowerCase() === city.trim().toLowerCase());
}

function byName<T>(env: TravelEnv, kind: Kind, names: readonly string[], pick: (place: Place) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const name of names) {
    const place = env[kind].find((item) => item.name === name);
    if (place !== undefined) out[name] = pick(place);
  }
  return out;
}

function lookups(kind: Kind, noun: string): ToolSpec<TravelEnv>[] {
  return [
    defineTool({ name: `get_all_${noun}_in_city`, description: `Lists the ${noun.replaceAll('_', ' ')} in a city.`, input: { city: z.string() }, metadata: { labels: [], output: TRUSTED }, run: (env: TravelEnv, { city }) => inCity(env, kind, city).map((place) => place.name) }),
    defineTool({ name: `get_${noun}_prices`, description: 'Prices by name.', input: NAMES, metadata: { labels: [], output: TRUSTED }, run: (env: TravelEnv, { names }) => byName(env, kind, names, (place) => place.price) }),
    defineTool({ name: `get_${noun}_addresses`, description: 'Addresses by name.', input: NAMES, metadata: { labels: [], output: TRUSTED }, run: (env: TravelEnv, { names }) => byName(env, kind, names, (place) => place.address) }),
    defineTool({
      name: `get_rating_reviews_for_${noun}`,
      description: 'Ratings and reviews by name.',
      input: NAMES,
      metadata: { labels: [], output: REVIEWS },
      run: (env: TravelEnv, { names }) => byName(env, kind, names, (place) => ({ rating: place.rating, reviews: place.reviews })),
    }),
  ];
}

/** Read-only lookups of the travel suite: hotels, restaurants, car rentals, flights and the traveller. */
export const TRAVEL_LOOKUP_TOOLS: readonly ToolSpec<TravelEnv>[] = [
  ...lookups('hotels', 'hotels'),
  ...lookups('restaurants', 'restaurants'),
  ...lookups('cars', 'car_rental_companies'),
  defineTool({ name: 'get_cuisine_type_for_restaurants', description: 'Cuisine by restaurant.', input: NAMES, metadata: { labels: [], output: TRUSTED }, run: (env: TravelEnv, { names }) => byName(env, 'restaurants', names, (place) => place.cuisine ?? '') }),
  defineTool({ name: 'check_restaurant_opening_hours', description: 'Opening hours by restaurant.', input: NAMES, metadata: { labels: [], output: TRUSTED }, run: (env: TravelEnv, { names }) => byName(env, 'restaurants', names, (place) => place.hours ?? '') }),
  defineTool({
    name: 'get_flight_information',
    description: 'Flights between two cities.',
    input: { departure_city: z.string(), arrival_city: z.string() },
    metadata: { labels: [], output: TRUSTED },
    run: (env: TravelEnv, { departure_city, arrival_city }) => env.flights.filter((flight) => flight.from === departure_city && flight.to === arrival_city),
  }),
  defineTool<TravelEnv, Record<string, never>>({
    name: 'get_user_information',
    description: "The traveller's details.",
    input: {},
    // Documents and card numbers are secrets: the model only ever sees handles for them.
    metadata: { labels: [], output: { labels: ['trusted'], secretPaths: ['passport_number', 'bank_account_number', 'credit_card_number'] } },
    run: (env) => ({ ...env.user }),
  }),
];
