import { HomeScreen } from './home/home-screen.tsx';

export function App() {
  return <HomeScreen />;
}
